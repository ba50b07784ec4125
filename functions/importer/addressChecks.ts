// The API's address patterns as JavaScript regular expressions: a resolver matches each part
// with `util.matches`, the importer with these, so both take the same addresses.
import { ADDRESS_PATTERNS, addressParts, type AddressChecks } from '../../resolvers/lib/invites';

const LOCAL_PART = new RegExp(ADDRESS_PATTERNS.localPart);
const DOMAIN = new RegExp(ADDRESS_PATTERNS.domain);

/** Whether each part of `addressParts(raw)` matches its pattern (`normalizeAddress`'s `checks`). */
export function addressChecks(raw: string): AddressChecks {
  const parts = addressParts(raw);
  return { localPart: LOCAL_PART.test(parts.localPart), domain: DOMAIN.test(parts.domain) };
}

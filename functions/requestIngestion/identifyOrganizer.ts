// Who a request acts for: the organizer registered with the sender's address (the
// `organizer-email#<email>` lookup item postConfirmation writes), if that organizer is
// ACTIVE. A stranger, a lookup pointing at a deleted organizer, or a suspended organizer
// changes nothing: the reason says which (and names the organizer id, never the address).
export type OrganizerPorts = {
  /** The organizer id the address is registered to; null when it is none's. */
  organizerIdByEmail(email: string): Promise<string | null>;
  /** The organizer's status (ACTIVE, SUSPENDED); null when there is no such organizer. */
  organizerStatus(organizerId: string): Promise<string | null>;
};

/** `status`: set when the organizer exists but is not ACTIVE (their requests are refused with a notice). */
export type Identified = { organizerId: string } | { organizerId?: string; status?: string; problem: string };

export async function identifyOrganizer(email: string, ports: OrganizerPorts): Promise<Identified> {
  const organizerId = await ports.organizerIdByEmail(email);
  if (!organizerId) return { problem: 'the sender is not a registered organizer' };
  const status = await ports.organizerStatus(organizerId);
  if (status === null) return { organizerId, problem: 'the sender’s address points at an organizer that no longer exists' };
  if (status !== 'ACTIVE') return { organizerId, status, problem: `the organizer is ${status}, not ACTIVE` };
  return { organizerId };
}

// What a person knows an operation by: its first root field (`startImport`), which error
// messages name, rather than the document's operation name.
import { Kind, type DocumentNode } from 'graphql';

export function rootFieldName(document: DocumentNode): string {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return field?.name.value ?? 'operation';
}

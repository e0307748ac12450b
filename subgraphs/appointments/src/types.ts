/** An entity another subgraph owns, as this one knows it: by id. */
export interface EntityReference {
  id: string;
}

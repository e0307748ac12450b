/** A User as this subgraph knows it: only the key. The users subgraph resolves everything else. */
export interface UserReference {
  id: string;
}

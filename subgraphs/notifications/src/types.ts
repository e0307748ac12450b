/** What resolvers pass around where no table row fits. */
export interface UserReference {
  id: string;
}

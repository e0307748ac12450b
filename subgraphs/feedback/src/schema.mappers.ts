import type { AdminActionRow, Connection, Edge } from '@medappt/platform';
import type { FeedbackRow } from './db/schema.ts';
import type { RatingView } from './domain/rating-aggregate.ts';

export type FeedbackMapper = FeedbackRow;
export type ReviewMapper = FeedbackRow;
export type ReviewEdgeMapper = Edge<FeedbackRow>;
export type ReviewConnectionMapper = Connection<FeedbackRow>;
export type DoctorRatingMapper = RatingView;
export type AdminActionMapper = AdminActionRow;
export interface AppointmentMapper {
  id: string;
}
export interface DoctorMapper {
  id: string;
}

/**
 * "Did this help?" votes on answers. Deliberately anonymous: the answer id, the vote and the day only.
 * No user id, no question text, so nothing here is personal data.
 */
export interface FeedbackCount {
  answerId: string;
  helpful: number;
  notHelpful: number;
}

export interface FeedbackStore {
  record(answerId: string, helpful: boolean, on?: Date): Promise<void>;
  /** Counts per answer, most votes first. */
  counts(): Promise<FeedbackCount[]>;
}

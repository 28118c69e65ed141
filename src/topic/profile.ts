/** What is specific to this topic (placeholder until the text kernel lands; theirs replaces this file). */
export const TOPIC_NAME = 'the Paris Declaration';

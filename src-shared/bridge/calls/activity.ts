// Bridge calls of the Organization's activity log and the credit pool's lots (administrators).
export const activityCalls = {};

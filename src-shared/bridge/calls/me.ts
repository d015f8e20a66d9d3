// Bridge calls of the signed-in user's own side: their organization, products, credits, notices.
export const meCalls = {};

// Where the app's update feed lives: the cloud server's /updates (src-cloud/routes/updates.ts).
export function updateFeedUrl(cloudUrl: string): string {
  return `${cloudUrl.replace(/\/+$/, '')}/updates`;
}

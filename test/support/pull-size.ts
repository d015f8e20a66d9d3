// The size on the wire of a pull answer (GET /v1/pull), measured at the HTTP level with a session
// of the same account: the engine and its cloud client keep no figure of it for tests to read.
export async function pullBytes(
  cloudUrl: string,
  accessToken: string,
  cursor: number,
): Promise<number> {
  const res = await fetch(`${cloudUrl}/v1/pull?cursor=${cursor}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (res.status !== 200) throw new Error(`GET /v1/pull answered ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

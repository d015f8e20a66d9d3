// Which addresses an upload already accepted, and on which line. An open-addressing table over
// typed arrays: a Map keyed by 100,000 fresh strings was a third of the whole parse.

export class SeenEmails {
  private slots = new Int32Array(1024); // entry index + 1; 0 is empty; kept at most half full
  private readonly keys: string[] = [];
  private hashes: Int32Array = new Int32Array(512);
  private lines: Int32Array = new Int32Array(512);

  /** Records `key` as first seen on `line` (≥ 1) and answers 0, or answers that earlier line. */
  claim(key: string, line: number): number {
    const h = hash(key);
    let mask = this.slots.length - 1;
    let i = h & mask;
    for (let e = (this.slots[i] as number) - 1; e >= 0; e = (this.slots[i] as number) - 1) {
      if (this.hashes[e] === h && this.keys[e] === key) return this.lines[e] as number;
      i = (i + 1) & mask;
    }
    const e = this.keys.length;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.lines = grown(this.lines);
    }
    this.keys.push(key);
    this.hashes[e] = h;
    this.lines[e] = line;
    this.slots[i] = e + 1;
    if (2 * (e + 1) > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      mask = this.slots.length - 1;
      for (let k = 0; k <= e; k++) {
        let j = (this.hashes[k] as number) & mask;
        while (this.slots[j] !== 0) j = (j + 1) & mask;
        this.slots[j] = k + 1;
      }
    }
    return 0;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

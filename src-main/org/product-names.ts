// Product names from the catalogue in the replica, as the organization's rows and messages show
// them (src-shared/products.ts labels a code the catalogue lacks). Read once per sync, not per row.
import { productLabel } from '../../src-shared/products.ts';
import type { Replica } from '../store/replica.ts';

export class ProductNames {
  readonly #replica: Replica;
  #names: { at: string | null; map: Map<string, string> } | null = null;

  constructor(replica: Replica) {
    this.#replica = replica;
  }

  /** The product's name from the catalogue of the last sync. */
  name(code: string): string {
    const at = this.#replica.lastSyncAt();
    if (!this.#names || this.#names.at !== at)
      this.#names = { at, map: new Map(this.#replica.products().map((p) => [p.code, p.name])) };
    return productLabel(code, this.#names.map.get(code));
  }
}

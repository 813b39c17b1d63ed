import type { PlaceholderInventory } from '../templates/types';
import { codeKey, fillerKey } from './normalize';

/** A kind's placeholder inventory as lookup sets of comparison keys, built once per inventory. */
export interface FillerIndex {
  blocks: ReadonlySet<string>;
  values: ReadonlySet<string>;
  labels: ReadonlySet<string>;
  cells: ReadonlySet<string>;
  rows: ReadonlySet<string>;
  tables: ReadonlySet<string>;
  /** Comparison key → the choice list as the template writes it. */
  choices: ReadonlyMap<string, string>;
  markers: readonly string[];
  code: ReadonlySet<string>;
  /** The length of the longest key in `code`. */
  longestCode: number;
}

const CELL_SEPARATOR = '\u0000';
const ROW_SEPARATOR = '\u0001';

/** Key of a table row from its cells' keys. */
export function rowKey(cellKeys: readonly string[]): string {
  return cellKeys.join(CELL_SEPARATOR);
}

/** Key of a table body from its rows' keys. */
export function tableKey(rowKeys: readonly string[]): string {
  return rowKeys.join(ROW_SEPARATOR);
}

const cache = new WeakMap<PlaceholderInventory, FillerIndex>();

export function fillerIndex(inventory: PlaceholderInventory): FillerIndex {
  let index = cache.get(inventory);
  if (!index) {
    const keys = (list: readonly string[]): Set<string> => new Set(list.map(fillerKey));
    const keyOfRow = (cells: readonly string[]): string => rowKey(cells.map(fillerKey));
    index = {
      blocks: keys(inventory.blocks),
      values: keys(inventory.values),
      labels: keys(inventory.labels),
      cells: keys(inventory.cells),
      rows: new Set(inventory.rows.map(keyOfRow)),
      tables: new Set(inventory.tables.map((rows) => tableKey(rows.map(keyOfRow)))),
      choices: new Map(inventory.choices.map((choice) => [fillerKey(choice), choice])),
      markers: inventory.inline.filter((marker) => marker.length > 0),
      code: new Set(inventory.code.map(codeKey)),
      longestCode: Math.max(0, ...inventory.code.map((code) => codeKey(code).length)),
    };
    cache.set(inventory, index);
  }
  return index;
}

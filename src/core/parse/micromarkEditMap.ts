import { EditMap } from 'micromark-util-edit-map';

/**
 * micromark 4's `EditMap.consume` copies the whole event list on every call, and micromark calls it
 * each time a block quote or list closes (micromark/lib/initialize/document.js). A section with a
 * thousand small lists, quotes or nested items then parses in time that grows with the square of its
 * length (4,000 `- a` / `  - b` pairs: about 30 s). The edits micromark makes are near the end of
 * the list, so this version keeps the events before the first edit in place and rebuilds only the
 * rest: the same result, in time proportional to what changes.
 */
type Events = Parameters<EditMap['consume']>[0];

function consume(this: EditMap, events: Events): undefined {
  const { map } = this;
  if (map.length === 0) return undefined;
  map.sort((a, b) => a[0] - b[0]);
  const pieces: Events[] = [];
  for (let index = map.length - 1; index >= 0; index--) {
    const [at, remove, add] = map[index] as (typeof map)[number];
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) {
    for (const event of piece) events.push(event);
  }
  map.length = 0;
  this.index.clear();
  return undefined;
}

EditMap.prototype.consume = consume;

import { findSlots } from './slots';
import { todoMarkers } from './todoMarkers';

export interface PreviewSpan {
  start: number;
  end: number;
  type: 'slot' | 'todo' | 'marker' | 'choice';
}

/**
 * What a rendered preview highlights in one run of prose text: `{{NAME}}` slots, to-do markers, the
 * kinds' inline markers (`[link]`) and unchosen choice lists. Code never reaches here.
 */
export function previewSpans(text: string, markers: readonly string[], choices: readonly string[]): PreviewSpan[] {
  const spans: PreviewSpan[] = [
    ...findSlots(text, []).map((slot) => ({ start: slot.start, end: slot.end, type: 'slot' as const })),
    ...todoMarkers(text, 0, text.length).map((marker) => ({ start: marker.start, end: marker.end, type: 'todo' as const })),
  ];
  for (const [type, words] of [['marker', markers], ['choice', choices]] as const) {
    for (const word of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) spans.push({ start: at, end: at + word.length, type });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PreviewSpan[] = [];
  for (const span of spans) if (kept.length === 0 || span.start >= (kept[kept.length - 1] as PreviewSpan).end) kept.push(span);
  return kept;
}

// The top keywords as a cloud: the size grows with the number of conversations (square
// root, so a few big words do not hide the rest), the biggest in the middle; each word a
// button that chooses it, its count in the title.
import { computed } from 'vue';
import { t, tCount } from '../../../shared/js/i18n.js';

const SMALLEST = 0.8;
const LARGEST = 2.2;
const TONES = 5;

/** Biggest in the middle: the words by count, placed alternately after and before. */
export function cloudOrder(words) {
  const sorted = [...words].sort((a, b) => b.documents - a.documents || a.term.localeCompare(b.term));
  const placed = [];
  sorted.forEach((word, i) => (i % 2 === 0 ? placed.push(word) : placed.unshift(word)));
  return placed;
}

export default {
  name: 'WordCloud',
  props: { words: { type: Array, required: true } },
  emits: ['choose'],
  setup(props) {
    const cloud = computed(() => {
      const counts = props.words.map((w) => w.documents);
      const most = Math.sqrt(Math.max(...counts));
      const least = Math.sqrt(Math.min(...counts));
      const span = most - least || 1;
      return cloudOrder(props.words).map((word) => {
        const weight = (Math.sqrt(word.documents) - least) / span;
        return { ...word, size: (SMALLEST + weight * (LARGEST - SMALLEST)).toFixed(2) + 'rem',
          tone: 'tone-' + Math.min(TONES - 1, Math.floor(weight * TONES)) };
      });
    });
    return { t, tCount, cloud };
  },
  template: `
    <div class="word-cloud" role="list">
      <button v-for="word in cloud" :key="word.term" type="button" role="listitem" class="link" :class="word.tone"
        :style="{ fontSize: word.size }" :data-word="word.term"
        :title="tCount('mining.conversationCount', word.documents)"
        @click="$emit('choose', word.term)">{{ word.term }}</button>
    </div>`,
};

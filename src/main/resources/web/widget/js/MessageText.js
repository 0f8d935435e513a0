// Message text as text: http(s) links become <a> elements, everything else stays plain text.
import { computed } from 'vue';
import { splitLinks } from './links.js';

export default {
  name: 'MessageText',
  props: { text: String },
  setup(props) {
    const parts = computed(() => splitLinks(props.text));
    return { parts };
  },
  template: `
    <div class="pw-text"><template v-for="(part, index) in parts" :key="index"><a v-if="part.href" :href="part.href"
      target="_blank" rel="noopener noreferrer">{{ part.text }}</a><template v-else>{{ part.text }}</template></template></div>`,
};

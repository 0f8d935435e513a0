// "Li Na is typing..." with three bouncing dots, while the agent types.
import { computed } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, agentName } from './chat.js';

export default {
  name: 'TypingIndicator',
  setup() {
    const label = computed(() => {
      const name = (state.agentTyping && state.agentTyping.name) || agentName.value;
      return name ? t('widget.typing', { agent: name }) : t('widget.typingAnonymous');
    });
    return { label };
  },
  template: `
    <div id="typing" class="pw-typing" role="status" :aria-label="label">
      <span class="pw-dots" aria-hidden="true"><i></i><i></i><i></i></span>
      <span class="pw-typing-label">{{ label }}</span>
    </div>`,
};

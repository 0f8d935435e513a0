// The coloured bar on top: channel name, the agent who answers (or the waiting state),
// end-chat and minimise.
import { computed } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, agentName, agentAvatar, isClosed, endChat, minimize } from './chat.js';
import { ICONS } from './icons.js';

export default {
  name: 'ChatHeader',
  setup() {
    const initial = computed(() => {
      const name = agentName.value || (state.channel && state.channel.name) || t('widget.title');
      return name ? Array.from(name.trim())[0].toUpperCase() : '';
    });
    const subtitle = computed(() => {
      if (agentName.value || !state.channel) return '';
      if (state.conversation && state.conversation.leftMessageAt && state.conversation.status === 'waiting') {
        return t('widget.header.messageLeft');
      }
      if (state.channel && state.channel.open === false && !state.conversation) return t('widget.header.away');
      if (state.conversation && !isClosed.value) return t('widget.header.waiting');
      return t('widget.header.subtitle');
    });
    const canEnd = computed(() => state.phase === 'ready' && !!state.conversation && !isClosed.value);
    return { state, agentName, agentAvatar, initial, subtitle, canEnd, endChat, minimize, t };
  },
  template: `
    <header class="pw-header">
      <img v-if="agentAvatar" id="agent-avatar" class="pw-avatar" :src="agentAvatar" alt="">
      <div v-else class="pw-avatar" aria-hidden="true">{{ initial }}</div>
      <div class="pw-heading">
        <h1 id="channel-name" class="pw-title">{{ state.channel ? state.channel.name : t('widget.title') }}</h1>
        <p class="pw-subtitle" v-if="agentName">
          <span id="agent-name">{{ agentName }}</span>
          <span v-if="state.agentOnline !== null" class="pw-presence" :class="{ online: state.agentOnline }"
                id="agent-presence">{{ state.agentOnline ? t('widget.presence.online') : t('widget.presence.away') }}</span>
        </p>
        <p class="pw-subtitle" v-else-if="subtitle">{{ subtitle }}</p>
      </div>
      <button v-if="canEnd" id="end-chat" type="button" class="pw-icon-button" :disabled="state.busy"
              :title="t('widget.endChat')" :aria-label="t('widget.endChat')" @click="endChat">${ICONS.end}</button>
      <button v-if="state.embedded" id="minimize" type="button" class="pw-icon-button"
              :title="t('widget.minimize')" :aria-label="t('widget.minimize')" @click="minimize">${ICONS.minimize}</button>
    </header>`,
};

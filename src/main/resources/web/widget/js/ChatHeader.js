// The coloured bar on top: channel name, the agent who answers (or the waiting state),
// end-chat (asked first, inside the widget) and minimise.
import { computed, ref, nextTick, watch } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, agentName, agentAvatar, isClosed, endChat, minimize } from './chat.js';
import { ICONS } from './icons.js';

export default {
  name: 'ChatHeader',
  setup() {
    const initial = computed(() => {
      const name = agentName.value || (state.channel && state.channel.title) || t('widget.title');
      return name ? Array.from(name.trim())[0].toUpperCase() : '';
    });
    const subtitle = computed(() => {
      if (agentName.value || !state.channel) return '';
      if (state.conversation && state.conversation.leftMessageAt && state.conversation.status === 'waiting') {
        return t('widget.header.messageLeft');
      }
      if (state.channel && state.channel.open === false && !state.conversation) return t('widget.header.away');
      if (state.conversation && !isClosed.value) {
        // nobody can answer now: no promise that someone will be with the visitor shortly
        const away = state.conversation.status === 'waiting'
          && (state.answering === 'nobody' || state.answering === 'closed');
        return away ? t('widget.header.away') : t('widget.header.waiting');
      }
      return t('widget.header.subtitle');
    });
    const canEnd = computed(() => state.phase === 'ready' && !!state.conversation && !isClosed.value);
    // Ending is asked first; the question takes the focus, Escape or "keep chatting" gives it back.
    const confirming = ref(false);
    const endButton = ref(null);
    const confirmButton = ref(null);
    watch(canEnd, (can) => { if (!can) confirming.value = false; });
    function askToEnd() {
      confirming.value = true;
      nextTick(() => { if (confirmButton.value) confirmButton.value.focus(); });
    }
    function keepChatting() {
      confirming.value = false;
      nextTick(() => { if (endButton.value) endButton.value.focus(); });
    }
    function confirmEnd() {
      confirming.value = false;
      endChat();
    }
    // The channel's logo while no agent answers (then the agent's initial).
    const logo = computed(() => (!agentName.value && state.channel && state.channel.logoUrl) || null);
    return { state, agentName, agentAvatar, initial, logo, subtitle, canEnd, confirming, endButton, confirmButton, askToEnd, keepChatting,
      confirmEnd, minimize, t };
  },
  template: `
    <header class="pw-header">
      <img v-if="agentAvatar" id="agent-avatar" class="pw-avatar" :src="agentAvatar" alt="">
      <div v-else class="pw-avatar" :class="{ 'pw-logo': logo }" aria-hidden="true"><img v-if="logo" id="channel-logo" :src="logo" alt=""><template v-else>{{ initial }}</template></div>
      <div class="pw-heading">
        <h1 id="channel-name" class="pw-title">{{ state.channel && state.channel.title ? state.channel.title : t('widget.title') }}</h1>
        <p class="pw-subtitle" v-if="agentName">
          <span id="agent-name">{{ agentName }}</span>
          <span v-if="state.agentOnline !== null" class="pw-presence" :class="{ online: state.agentOnline }"
                id="agent-presence">{{ state.agentOnline ? t('widget.presence.online') : t('widget.presence.away') }}</span>
        </p>
        <p class="pw-subtitle" v-else-if="subtitle">{{ subtitle }}</p>
      </div>
      <button v-if="canEnd" id="end-chat" ref="endButton" type="button" class="pw-icon-button" :disabled="state.busy"
              :title="t('widget.endChat')" :aria-label="t('widget.endChat')" :aria-expanded="confirming ? 'true' : 'false'"
              @click="confirming ? keepChatting() : askToEnd()">${ICONS.end}</button>
      <button v-if="state.embedded" id="minimize" type="button" class="pw-icon-button"
              :title="t('widget.minimize')" :aria-label="t('widget.minimize')" @click="minimize">${ICONS.minimize}</button>
    </header>
    <div v-if="confirming && canEnd" id="end-chat-question" class="pw-confirm" role="alertdialog" aria-modal="false"
         aria-labelledby="end-chat-text" @keydown.esc.stop.prevent="keepChatting">
      <p id="end-chat-text">{{ t('widget.endChat.question') }}</p>
      <div class="pw-confirm-actions">
        <button id="end-chat-keep" type="button" class="pw-secondary" @click="keepChatting">{{ t('widget.endChat.keep') }}</button>
        <button id="end-chat-confirm" ref="confirmButton" type="button" class="pw-primary" :disabled="state.busy"
                @click="confirmEnd">{{ t('widget.endChat.confirm') }}</button>
      </div>
    </div>`,
};

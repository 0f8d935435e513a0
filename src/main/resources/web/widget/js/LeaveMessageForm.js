// Leaving a message instead of chatting live: outside the team's business hours, or after
// waiting too long. A way to answer (e-mail or phone) and the message; the team replies later.
import { reactive, computed } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, topics, leaveMessage, cancelLeaving, channelText } from './chat.js';
import { openingText, newClientId } from './format.js';

export default {
  name: 'LeaveMessageForm',
  setup() {
    const known = state.visitor || {};
    const values = reactive({ name: known.name || state.prefill.name || '', email: known.email || state.prefill.email || '',
      phone: known.phone || '', text: '', topic: state.leavingTopic || (topics.value[0] ? topics.value[0].id : '') });
    const waiting = computed(() => !!state.conversation && state.conversation.status === 'waiting');
    const chosen = computed(() => topics.value.find((topic) => topic.id === Number(values.topic)) || null);
    const opensAt = computed(() => (waiting.value ? null
      : chosen.value ? chosen.value.opensAt : state.channel && state.channel.opensAt));
    const intro = computed(() => {
      if (waiting.value) return t('widget.leave.introWaiting');
      const away = channelText('awayMessage');
      if (away) return away;
      const when = openingText(opensAt.value, state.language);
      return when ? t('widget.leave.introClosed', { when }) : t('widget.leave.introAway');
    });
    // Needs a way back: an e-mail address or a phone number.
    const reachable = computed(() => !!(values.email.trim() || values.phone.trim()));
    const clientId = newClientId();
    async function submit() {
      await leaveMessage({ ...values, clientId, topic: waiting.value ? null : values.topic });
    }
    return { state, values, topics, waiting, intro, reachable, submit, cancelLeaving, t };
  },
  template: `
    <form id="leave-message" class="pw-card pw-prechat" @submit.prevent="submit">
      <p id="leave-intro" class="pw-prechat-intro">{{ intro }}</p>
      <div v-if="topics.length && !waiting" class="pw-field">
        <label for="leave-topic">{{ t('widget.prechat.topic') }}</label>
        <select id="leave-topic" v-model="values.topic" required>
          <option v-for="topic in topics" :key="topic.id" :value="topic.id">{{ topic.label }}</option>
        </select>
      </div>
      <div class="pw-field">
        <label for="leave-name">{{ t('widget.prechat.name') }}<span class="pw-optional"> · {{ t('widget.prechat.optional') }}</span></label>
        <input id="leave-name" type="text" v-model="values.name" maxlength="100" autocomplete="name">
      </div>
      <div class="pw-field">
        <label for="leave-email">{{ t('widget.prechat.email') }}</label>
        <input id="leave-email" type="email" v-model="values.email" maxlength="254" autocomplete="email" :required="!values.phone.trim()">
      </div>
      <div class="pw-field">
        <label for="leave-phone">{{ t('widget.prechat.phone') }}<span class="pw-optional"> · {{ t('widget.leave.phoneOr') }}</span></label>
        <input id="leave-phone" type="tel" v-model="values.phone" maxlength="32" autocomplete="tel">
      </div>
      <div class="pw-field">
        <label for="leave-text">{{ t('widget.leave.message') }}</label>
        <textarea id="leave-text" v-model="values.text" rows="4" maxlength="4000" required></textarea>
      </div>
      <button id="leave-send" type="submit" class="pw-primary" :disabled="state.busy || !reachable || !values.text.trim()">{{ t('widget.leave.send') }}</button>
      <button v-if="waiting" id="leave-cancel" type="button" class="pw-link-button" @click="cancelLeaving">{{ t('widget.leave.keepWaiting') }}</button>
    </form>`,
};

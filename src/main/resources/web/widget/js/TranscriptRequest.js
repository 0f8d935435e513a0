// In a closed conversation: "E-mail me this conversation", with the address the visitor
// gave before filled in. The server sends the transcript at once.
import { ref } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, requestTranscript } from './chat.js';

export default {
  name: 'TranscriptRequest',
  setup() {
    const open = ref(false);
    const email = ref((state.visitor && state.visitor.email) || '');
    const sentTo = ref('');
    const error = ref('');
    async function submit() {
      error.value = '';
      const code = await requestTranscript(email.value);
      if (code) {
        error.value = code === 'validation_failed' ? t('widget.transcript.invalid') : t('widget.transcript.failed');
        return;
      }
      sentTo.value = email.value.trim();
      open.value = false;
    }
    return { state, open, email, sentTo, error, submit, t };
  },
  template: `
    <div class="pw-transcript">
      <p v-if="sentTo" id="transcript-sent" class="pw-thanks" role="status">{{ t('widget.transcript.sent', { email: sentTo }) }}</p>
      <button v-else-if="!open" id="transcript-open" type="button" class="pw-link-button" @click="open = true">{{ t('widget.transcript.ask') }}</button>
      <form v-else id="transcript-form" class="pw-card" @submit.prevent="submit" novalidate>
        <label for="transcript-email">{{ t('widget.transcript.email') }}</label>
        <input id="transcript-email" v-model="email" type="email" autocomplete="email" maxlength="254" required
               :aria-invalid="error ? 'true' : 'false'" aria-describedby="transcript-error">
        <p id="transcript-error" class="pw-field-error" v-if="error" role="alert">{{ error }}</p>
        <button id="transcript-submit" type="submit" class="pw-primary" :disabled="!email.trim() || state.busy">{{ t('widget.transcript.send') }}</button>
      </form>
    </div>`,
};

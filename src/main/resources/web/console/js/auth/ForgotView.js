// Asks for a link to choose a new password. The answer is the same whether or not an account
// has the address, so the screen always shows the same neutral confirmation.
import { ref } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import LanguageSelect from '../shell/LanguageSelect.js';

export default {
  name: 'ForgotView',
  components: { ProblemMessage, BrandMark, LanguageSelect },
  setup() {
    const email = ref('');
    const problem = ref(null);
    const busy = ref(false);
    const sent = ref(false);

    async function submit() {
      problem.value = null;
      busy.value = true;
      try {
        await post('/api/v1/password-resets', { email: email.value.trim() });
        sent.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { email, problem, busy, sent, submit, t };
  },
  template: `
    <main class="centered">
      <div class="panel">
        <div class="corner"><LanguageSelect id="forgot-language" /></div>
        <BrandMark />
        <form class="card" @submit.prevent="submit">
          <h1>{{ t('forgot.title') }}</h1>
          <div id="forgot-sent" class="notice" v-if="sent" role="status">{{ t('forgot.sent') }}</div>
          <template v-else>
            <p class="muted">{{ t('forgot.intro') }}</p>
            <div class="field">
              <label for="forgot-email">{{ t('field.email') }}</label>
              <input id="forgot-email" type="email" v-model="email" autocomplete="email" maxlength="254" required autofocus>
            </div>
            <ProblemMessage :problem="problem" />
          </template>
          <div class="actions">
            <button v-if="!sent" id="forgot-submit" class="primary" type="submit" :disabled="busy">{{ t('forgot.submit') }}</button>
            <router-link id="forgot-back" :to="{ name: 'login' }">{{ t('forgot.back') }}</router-link>
          </div>
        </form>
      </div>
    </main>`,
};

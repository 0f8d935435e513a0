// Chooses a new password with the token of a reset e-mail. The link carries the token after
// '#', so it never reaches a server log; it is read once and taken out of the address bar.
import { ref, reactive, onMounted, computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import { get, post } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import LanguageSelect from '../shell/LanguageSelect.js';
import { session } from '../session.js';

function tokenOf(hash) {
  const match = /token=([A-Za-z0-9_-]+)/.exec(hash || '');
  return match ? match[1] : '';
}

export default {
  name: 'ResetView',
  components: { ProblemMessage, BrandMark, LanguageSelect },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const token = ref(tokenOf(route.hash));
    const form = reactive({ next: '', confirm: '' });
    const policy = ref(null);
    const problem = ref(null);
    const mismatch = ref(false);
    const busy = ref(false);
    const done = ref(false);
    const policyHint = computed(() => (policy.value ? t('password.policy.hint', policy.value) : ''));

    onMounted(async () => {
      if (token.value) router.replace({ name: 'reset', hash: '' });
      policy.value = await get('/api/v1/password-resets/policy').catch(() => null);
    });

    async function submit() {
      problem.value = null;
      mismatch.value = form.next !== form.confirm;
      if (mismatch.value) return;
      busy.value = true;
      try {
        await post('/api/v1/password-resets/confirm', { token: token.value, password: form.next });
        Object.assign(form, { next: '', confirm: '' });
        session.me = null;
        done.value = true;
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    return { token, form, policyHint, problem, mismatch, busy, done, submit, t };
  },
  template: `
    <main class="centered">
      <div class="panel">
        <div class="corner"><LanguageSelect id="reset-language" /></div>
        <BrandMark />
        <div class="card" v-if="done">
          <h1>{{ t('reset.title') }}</h1>
          <div id="reset-done" class="notice" role="status">{{ t('reset.done') }}</div>
          <div class="actions">
            <router-link id="reset-sign-in" class="button primary" :to="{ name: 'login' }">{{ t('reset.signIn') }}</router-link>
          </div>
        </div>
        <div class="card" v-else-if="!token">
          <h1>{{ t('reset.title') }}</h1>
          <div id="reset-no-token" class="warning">{{ t('reset.noToken') }}</div>
          <div class="actions">
            <router-link :to="{ name: 'forgot' }">{{ t('reset.again') }}</router-link>
          </div>
        </div>
        <form class="card" v-else @submit.prevent="submit">
          <h1>{{ t('reset.title') }}</h1>
          <p class="muted">{{ t('reset.intro') }}</p>
          <div class="field">
            <label for="reset-new">{{ t('password.new') }}</label>
            <input id="reset-new" type="password" v-model="form.next" autocomplete="new-password" maxlength="128"
              required autofocus aria-describedby="reset-policy">
            <div id="reset-policy" class="small muted">{{ policyHint }}</div>
          </div>
          <div class="field">
            <label for="reset-confirm">{{ t('field.passwordConfirm') }}</label>
            <input id="reset-confirm" type="password" v-model="form.confirm" autocomplete="new-password" maxlength="128" required>
          </div>
          <div class="problem" v-if="mismatch" role="alert">{{ t('password.mismatch') }}</div>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="reset-submit" class="primary" type="submit" :disabled="busy">{{ t('reset.submit') }}</button>
            <router-link v-if="problem && problem.code === 'reset_token_invalid'" id="reset-again"
              :to="{ name: 'forgot' }">{{ t('reset.again') }}</router-link>
          </div>
        </form>
      </div>
    </main>`,
};

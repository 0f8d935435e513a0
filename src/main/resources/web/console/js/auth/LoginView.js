// Sign in with username and password.
import { ref, reactive } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import BrandMark from '../../../shared/js/BrandMark.js';
import LanguageSelect from '../shell/LanguageSelect.js';
import { signIn } from '../session.js';

export default {
  name: 'LoginView',
  components: { ProblemMessage, BrandMark, LanguageSelect },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const form = reactive({ username: '', password: '' });
    const problem = ref(null);
    const busy = ref(false);
    const expired = route.query.expired === '1';

    async function submit() {
      problem.value = null;
      busy.value = true;
      try {
        const me = await signIn(form.username.trim(), form.password);
        form.password = '';
        if (me.user.passwordChangeRequired) {
          await router.push({ name: 'password' });
        } else {
          const target = typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/')
            ? route.query.redirect : '/';
          await router.push(target);
        }
      } catch (failure) {
        problem.value = failure;
        form.password = '';
      } finally {
        busy.value = false;
      }
    }

    return { form, problem, busy, expired, submit, t };
  },
  template: `
    <main class="centered">
      <div class="panel">
        <div class="corner"><LanguageSelect id="login-language" /></div>
        <BrandMark />
        <form class="card" @submit.prevent="submit">
          <h1>{{ t('login.title') }}</h1>
          <div class="warning" v-if="expired">{{ t('login.expired') }}</div>
          <div class="field">
            <label for="login-username">{{ t('field.username') }}</label>
            <input id="login-username" type="text" v-model="form.username" autocomplete="username" required autofocus>
          </div>
          <div class="field">
            <label for="login-password">{{ t('field.password') }}</label>
            <input id="login-password" type="password" v-model="form.password" autocomplete="current-password" required>
          </div>
          <ProblemMessage :problem="problem" />
          <div class="actions">
            <button id="login-submit" class="primary" type="submit" :disabled="busy">{{ t('login.submit') }}</button>
          </div>
          <div class="login-links">
            <router-link id="login-forgot" :to="{ name: 'forgot' }" class="small">{{ t('login.forgot') }}</router-link>
          </div>
        </form>
      </div>
    </main>`,
};

// Mandatory enrolment: the user's role requires two-factor sign-in and the user has none;
// nothing else in the console answers until it is set up.
import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { t } from '../../../shared/js/i18n.js';
import TwoFactorCard from './TwoFactorCard.js';
import { session, loadSession, signOut } from '../session.js';

export default {
  name: 'TwoFactorView',
  components: { TwoFactorCard },
  setup() {
    const router = useRouter();
    const enrolled = ref(false);

    // the session is reloaded only on the way out: with it, the console's frame appears and
    // would mount this screen afresh, losing the recovery codes before they were saved
    function done() {
      enrolled.value = true;
    }

    async function go() {
      await loadSession();
      await router.push('/');
    }

    async function leave() {
      await signOut().catch(() => null);
      router.push({ name: 'login' });
    }

    return { session, enrolled, done, go, leave, t };
  },
  template: `
    <section class="profile-page">
      <h1>{{ t('twoFactor.required.title') }}</h1>
      <p class="warning" v-if="!enrolled">{{ t('twoFactor.required.intro') }}</p>
      <div class="profile-cards">
        <TwoFactorCard @enrolled="done" />
      </div>
      <div class="actions">
        <button v-if="enrolled" id="two-factor-continue" class="primary" type="button" @click="go">{{ t('twoFactor.required.continue') }}</button>
        <button v-else id="two-factor-sign-out" type="button" @click="leave">{{ t('nav.logout') }}</button>
      </div>
    </section>`,
};

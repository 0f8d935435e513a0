// The frame of every portal page: the mark, the language picker, and for a signed-in
// customer his pages and "sign out". On a phone the navigation wraps under the mark.
import { useRouter } from 'vue-router';
import { t, useLanguage, language, LANGUAGES } from '../../shared/js/i18n.js';
import { portal, signOut } from './portalSession.js';

const logo = new URL('../../shared/img/parley.svg', import.meta.url).href;

const NAMES = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

export default {
  name: 'PortalShell',
  setup() {
    const router = useRouter();
    async function pick(event) {
      await useLanguage(event.target.value, true);
      document.title = t('portal.title');
    }
    async function leave() {
      await signOut();
      router.push({ name: 'sign-in' });
    }
    return { t, portal, pick, leave, language, LANGUAGES, NAMES, logo };
  },
  template: `
    <div class="portal">
      <header class="portal-bar">
        <router-link to="/" class="portal-home"><img :src="logo" alt=""><span>{{ t('portal.title') }}</span></router-link>
        <nav v-if="portal.me" class="portal-nav" :aria-label="t('portal.nav')">
          <router-link id="nav-conversations" :to="{ name: 'conversations' }">{{ t('portal.conversations.title') }}</router-link>
          <router-link id="nav-tickets" :to="{ name: 'tickets' }">{{ t('portal.tickets.title') }}</router-link>
          <router-link id="nav-profile" :to="{ name: 'profile' }">{{ t('portal.profile.title') }}</router-link>
          <button id="sign-out" type="button" class="link-button" @click="leave">{{ t('portal.signOut') }}</button>
        </nav>
        <label class="portal-language">
          <span class="sr-only">{{ t('portal.language') }}</span>
          <select id="portal-language" :value="language()" @change="pick">
            <option v-for="tag in LANGUAGES" :key="tag" :value="tag">{{ NAMES[tag] }}</option>
          </select>
        </label>
      </header>
      <main class="portal-main"><router-view /></main>
    </div>`,
};

// Canned responses: the ones I may use (my personal ones, my groups', everyone's), to add,
// edit and delete. Personal ones belong to their owner; shared ones need `team.assign`.
// In the reply box they are typed as "/shortcut".
import { ref, computed, onMounted } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session, can } from '../session.js';
import { canned, loadCanned, filterCanned, preview } from './cannedStore.js';
import CannedEditor from './CannedEditor.js';

const SCOPE_ORDER = { personal: 0, group: 1, everyone: 2 };

export default {
  name: 'CannedView',
  components: { ProblemMessage, CannedEditor },
  setup() {
    const groups = ref([]);
    const query = ref('');
    const editing = ref(null);
    const notice = ref('');
    const myId = session.me.user.id;

    const rows = computed(() => {
      const list = filterCanned(canned.items, query.value);
      if (query.value.trim()) return list;
      return list.sort((a, b) => (SCOPE_ORDER[a.scope] ?? 3) - (SCOPE_ORDER[b.scope] ?? 3)
        || String(a.shortcut).localeCompare(String(b.shortcut)));
    });

    function groupName(groupId) {
      const group = groups.value.find((entry) => entry.id === groupId);
      return group ? group.name : t('canned.scope.groupNo', { id: groupId });
    }

    function scopeLabel(item) {
      if (item.scope === 'group') return groupName(item.groupId);
      if (item.scope === 'everyone') return t('canned.scope.everyone');
      return t('canned.scope.personal');
    }

    function mayChange(item) {
      if (item.scope === 'personal') return item.ownerId === undefined || item.ownerId === null || item.ownerId === myId;
      return can('team.assign');
    }

    function load() {
      return loadCanned(true);
    }

    onMounted(async () => {
      load();
      if (can('team.view')) {
        groups.value = await get('/api/v1/groups').then((list) => (Array.isArray(list) ? list : [])).catch(() => []);
      }
    });

    function open(item) {
      notice.value = '';
      editing.value = { item };
    }

    function saved(message) {
      editing.value = null;
      notice.value = message || '';
      load();
    }

    return { canned, groups, query, editing, notice, rows, scopeLabel, mayChange, open, saved, load, preview, t };
  },
  template: `
    <div>
      <h1>{{ t('canned.title') }}</h1>
      <p class="muted">{{ t('canned.intro') }}</p>
      <div class="toolbar">
        <div class="grow canned-search">
          <label for="canned-search" class="visually-hidden">{{ t('canned.search') }}</label>
          <input id="canned-search" type="search" v-model="query" :placeholder="t('canned.search')" autocomplete="off">
        </div>
        <button id="canned-new" class="primary" type="button" @click="open(null)">{{ t('canned.new') }}</button>
      </div>
      <div class="notice" v-if="notice">{{ notice }}</div>
      <ProblemMessage :problem="canned.problem" />
      <div class="card table-wrap" style="padding:0">
        <table id="canned-table">
          <thead>
            <tr>
              <th>{{ t('canned.shortcut') }}</th>
              <th>{{ t('canned.titleField') }}</th>
              <th>{{ t('canned.scope') }}</th>
              <th>{{ t('canned.text') }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="item in rows" :key="item.id" :data-canned="item.shortcut" :data-scope="item.scope">
              <td><code class="canned-shortcut">/{{ item.shortcut }}</code></td>
              <td class="wrap">{{ item.title }}</td>
              <td><span class="badge" :class="{ ok: item.scope === 'everyone', warn: item.scope === 'group' }">{{ scopeLabel(item) }}</span></td>
              <td class="wrap small muted canned-preview" :title="item.text">{{ preview(item.text, 120) }}</td>
              <td><button v-if="mayChange(item)" class="link" type="button" :data-edit="item.shortcut" @click="open(item)">{{ t('action.edit') }}</button></td>
            </tr>
          </tbody>
        </table>
        <div class="empty" v-if="canned.loaded && !canned.loading && !rows.length">{{ query.trim() ? t('canned.noMatch') : t('canned.none') }}</div>
        <div class="empty" v-else-if="canned.loading && !canned.loaded">{{ t('inbox.loading') }}</div>
      </div>
      <CannedEditor v-if="editing" :key="editing.item ? editing.item.id : 'new'" :item="editing.item" :groups="groups"
        @saved="saved" @close="editing = null" />
    </div>`,
};

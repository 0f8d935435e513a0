// Before the first message of a channel that asks for it: the fields the channel lists
// (name, e-mail, phone, question). Submitting starts the conversation.
import { reactive, computed } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, topics, startWithPrechat, channelText } from './chat.js';

const KNOWN = ['name', 'email', 'phone', 'question'];
const TYPES = { name: 'text', email: 'email', phone: 'tel' };
const AUTOCOMPLETE = { name: 'name', email: 'email', phone: 'tel' };
const MAX = { name: 100, email: 254, phone: 32, question: 1000 };

export default {
  name: 'PrechatForm',
  setup() {
    const fields = computed(() => (state.channel.prechatEnabled
      ? KNOWN.filter((name) => state.channel.prechatFields.includes(name)) : []));
    const known = state.visitor || {};
    const values = reactive({ name: known.name || state.prefill.name || '', email: known.email || state.prefill.email || '',
      phone: known.phone || '', question: '', topic: '' });
    const labels = computed(() => ({
      name: t('widget.prechat.name'), email: t('widget.prechat.email'),
      phone: t('widget.prechat.phone'), question: t('widget.prechat.question'),
    }));
    // A phone number is optional; the other listed fields are what the channel wants to know.
    const required = (name) => name !== 'phone';
    async function submit() {
      await startWithPrechat({ ...values });
    }
    const intro = computed(() => channelText('prechatIntro')
      || t(fields.value.length ? 'widget.prechat.intro' : 'widget.prechat.topicIntro'));
    return { state, topics, fields, values, labels, required, submit, intro, t, TYPES, AUTOCOMPLETE, MAX };
  },
  template: `
    <form id="prechat" class="pw-card pw-prechat" @submit.prevent="submit">
      <p id="prechat-intro" class="pw-prechat-intro">{{ intro }}</p>
      <div v-if="topics.length" class="pw-field">
        <label for="prechat-topic">{{ t('widget.prechat.topic') }}</label>
        <select id="prechat-topic" v-model="values.topic" required>
          <option value="" disabled>{{ t('widget.prechat.topicChoose') }}</option>
          <option v-for="topic in topics" :key="topic.id" :value="topic.id">{{ topic.label }}{{ topic.open ? '' : ' · ' + t('widget.prechat.topicClosed') }}</option>
        </select>
      </div>
      <div v-for="name in fields" :key="name" class="pw-field">
        <label :for="'prechat-' + name">{{ labels[name] }}<span v-if="!required(name)" class="pw-optional"> · {{ t('widget.prechat.optional') }}</span></label>
        <textarea v-if="name === 'question'" :id="'prechat-' + name" v-model="values[name]" rows="3"
                  :maxlength="MAX[name]" :required="required(name)"></textarea>
        <input v-else :id="'prechat-' + name" :type="TYPES[name]" v-model="values[name]" :maxlength="MAX[name]"
               :autocomplete="AUTOCOMPLETE[name]" :required="required(name)">
      </div>
      <button id="prechat-start" type="submit" class="pw-primary" :disabled="state.busy">{{ t('widget.prechat.start') }}</button>
    </form>`,
};

// After the conversation closed: five stars and a comment, then thanks and a way to start
// a new conversation.
import { ref } from 'vue';
import { t } from '../../shared/js/i18n.js';
import { state, rate, newChat } from './chat.js';
import { ICONS } from './icons.js';
import TranscriptRequest from './TranscriptRequest.js';

export default {
  name: 'RatingPanel',
  components: { TranscriptRequest },
  setup() {
    const score = ref(0);
    const hover = ref(0);
    const comment = ref('');
    async function submit() {
      if (!score.value) return;
      await rate(score.value, comment.value);
    }
    return { state, score, hover, comment, submit, newChat, t, scores: [1, 2, 3, 4, 5] };
  },
  template: `
    <section class="pw-closed" aria-live="polite">
      <p class="pw-closed-note">{{ t('widget.closed.note') }}</p>
      <form v-if="!state.rated" id="rating" class="pw-card pw-rating" @submit.prevent="submit">
        <h2>{{ t('widget.rating.title') }}</h2>
        <div class="pw-stars" role="radiogroup" :aria-label="t('widget.rating.title')" @mouseleave="hover = 0">
          <button v-for="value in scores" :key="value" type="button" class="pw-star" :data-score="value"
                  role="radio" :aria-checked="score === value ? 'true' : 'false'"
                  :class="{ on: (hover || score) >= value }" :aria-label="t('widget.rating.score', { score: value })"
                  :title="t('widget.rating.score', { score: value })"
                  @mouseenter="hover = value" @focus="hover = value" @blur="hover = 0" @click="score = value">${ICONS.star}</button>
        </div>
        <label class="pw-sr" for="rating-comment">{{ t('widget.rating.comment') }}</label>
        <textarea id="rating-comment" v-model="comment" rows="2" maxlength="1000"
                  :placeholder="t('widget.rating.comment')"></textarea>
        <button id="rating-submit" type="submit" class="pw-primary" :disabled="!score || state.busy">{{ t('widget.rating.submit') }}</button>
      </form>
      <p v-else id="rating-thanks" class="pw-thanks">{{ t('widget.rating.thanks') }}</p>
      <TranscriptRequest />
      <button id="new-chat" type="button" :class="state.rated ? 'pw-secondary' : 'pw-link-button'" @click="newChat">{{ t('widget.newChat') }}</button>
    </section>`,
};

import { createApp } from 'vue';
import urql from '@urql/vue';
import App from './App.vue';
import { startSession } from './auth/session.ts';
import { createAnonymousGraphqlClient, createGraphqlClient } from './graphql/client.ts';
import PublicFeedbackPage from './public/PublicFeedbackPage.vue';
import { publicFeedbackCode } from './public/public-route.ts';
import { messages } from './i18n/index.ts';
import './styles.css';

const root = document.getElementById('app');

function showMessage(text: string, role: 'status' | 'alert') {
  if (!root) return;
  const paragraph = document.createElement('p');
  paragraph.className = 'boot-message';
  paragraph.setAttribute('role', role);
  paragraph.textContent = text;
  root.replaceChildren(paragraph);
}

// A citizen's public feedback page: no sign-in, no Keycloak at all.
const feedbackCode = publicFeedbackCode(window.location.hash);
if (feedbackCode !== null) {
  createApp(PublicFeedbackPage, { code: feedbackCode }).use(urql, createAnonymousGraphqlClient()).mount('#app');
} else {
  signIn();
}

function signIn(): void {
  showMessage(messages.auth.signingIn, 'status');
  startSession(() => {
    // The refresh token is gone: a reload starts a fresh login (`login-required`).
    showMessage(messages.auth.sessionExpired, 'alert');
    window.location.reload();
  })
    .then((session) => {
      root?.replaceChildren();
      createApp(App, { session }).use(urql, createGraphqlClient(() => session.accessToken())).mount('#app');
    })
    .catch(() => showMessage(messages.auth.signInFailed, 'alert'));
}

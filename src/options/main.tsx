import { render } from 'preact';
import { repo, requestPersistence } from '../db';
import { loadSettings, saveSettings } from '../shared/settings';
import { t, uiLanguage } from '../popup/ui/i18n';
import '../popup/ui/style.css';
import { Options } from './Options';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<Options deps={{ repo: repo(), loadSettings, saveSettings, persist: requestPersistence }} />, document.getElementById('app')!);

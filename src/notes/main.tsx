import { render } from 'preact';
import { repo, requestPersistence } from '../db';
import { t, uiLanguage } from '../popup/ui/i18n';
import '../popup/ui/style.css';
import { Notes } from './Notes';

document.documentElement.lang = uiLanguage();
document.title = t('notesPageTitle');
void requestPersistence();
render(<Notes repo={repo()} />, document.getElementById('app')!);

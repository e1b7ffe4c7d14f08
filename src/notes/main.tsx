import { render } from 'preact';
import { repo, requestPersistence } from '../db';
import { uiLanguage } from '../popup/ui/i18n';
import '../popup/ui/style.css';
import { Notes } from './Notes';

document.documentElement.lang = uiLanguage();
void requestPersistence();
render(<Notes repo={repo()} />, document.getElementById('app')!);

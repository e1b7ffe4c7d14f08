import { render } from 'preact';

render(<main data-testid="options"><h1>Bulletin Lens</h1></main>, document.getElementById('app')!);

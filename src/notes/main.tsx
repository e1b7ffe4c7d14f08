import { render } from 'preact';

render(<main data-testid="notes"><h1>Bulletin Lens</h1></main>, document.getElementById('app')!);

// The smallest Lambda handler, bundled as the real one is, to show what the registry's code adds.
export const handler = async () => ({ statusCode: 200, body: 'ok' });

import { useState } from 'react';
import { messageOf } from '../services/api';

/** The loading / failed state every page shows while it fetches: `track` runs the fetch and records how it went. */
export function useLoading(initially = true) {
  const [loading, setLoading] = useState(initially);
  const [error, setError] = useState('');
  const track = async (work: () => Promise<void>) => {
    setLoading(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };
  return { loading, error, track };
}

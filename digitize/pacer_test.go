package digitize

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestPacer checks that requests are spaced without timing them: with an
// interval of an hour the first request goes at once and the second must
// wait, so a context that is already done stops it.
func TestPacer(t *testing.T) {
	p := &pacer{every: time.Hour}
	require.NoError(t, p.wait(context.Background()))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, p.wait(ctx), context.Canceled)
	require.True(t, p.next.Sub(time.Now()) > time.Hour, "two slots are taken")

	none := &pacer{}
	for range 3 {
		require.NoError(t, none.wait(ctx), "no interval: no wait")
	}
}

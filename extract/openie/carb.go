package openie

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/kgraph/kg/extract/model"
)

// WriteCaRB reads sentences, one a line and already tokenized (words
// split by spaces, as in CaRB's input), and writes their extractions in
// CaRB's system format: sentence, confidence, relation, arguments,
// tab-separated.
func WriteCaRB(ctx context.Context, m *model.Model, r io.Reader, name string, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	bw := bufio.NewWriter(w)
	for n := 1; sc.Scan(); n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		for _, e := range Extract(m, strings.Fields(line)) {
			fmt.Fprintf(bw, "%s\t%.2f\t%s\t%s\n", line, e.Confidence, e.Relation, strings.Join(e.Args, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("sentences %s: %w", name, err)
	}
	return bw.Flush()
}

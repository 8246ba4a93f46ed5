package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// root is the module's root, from this package's folder.
const root = "../.."

// goFiles parses every Go file of the module but tests, calling fn with
// each.
func goFiles(t *testing.T, fn func(path string, fset *token.FileSet, f *ast.File)) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		fn(path, fset, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRowsErrChecked: every loop over query results (for rows.Next())
// checks rows.Err() in the same function. Without it a query cut short (a
// cancelled context, a lost connection) returns a partial result as if it
// were whole; `files prune` could then delete files that records still
// name. Iterators whose error method has another name (excelize's
// rows.Error) count too.
func TestRowsErrChecked(t *testing.T) {
	loops := 0
	goFiles(t, func(path string, fset *token.FileSet, f *ast.File) {
		check := func(body *ast.BlockStmt) {
			if body == nil {
				return
			}
			iterated := map[string]token.Pos{}
			checked := map[string]bool{}
			ast.Inspect(body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ForStmt:
					if x, ok := methodCall(n.Cond, "Next"); ok {
						if _, seen := iterated[x]; !seen {
							iterated[x] = n.Pos()
						}
					}
				case *ast.CallExpr:
					for _, m := range []string{"Err", "Error"} {
						if x, ok := methodCall(n, m); ok {
							checked[x] = true
						}
					}
				}
				return true
			})
			for x, pos := range iterated {
				loops++
				if !checked[x] {
					t.Errorf("%s: the loop over %s.Next() never checks %s.Err()", fset.Position(pos), x, x)
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				check(n.Body)
			case *ast.FuncLit:
				check(n.Body)
			}
			return true
		})
	})
	if loops < 20 {
		t.Errorf("only %d loops found: the check is not looking where the code is", loops)
	}
}

// methodCall reports whether e is a call x.name() on an identifier, and x.
func methodCall(e ast.Expr, name string) (string, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	return id.Name, true
}

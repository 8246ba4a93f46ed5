// Package archtest holds tests over the source tree itself: rules a
// reviewer would otherwise have to remember, checked on every run.
package archtest

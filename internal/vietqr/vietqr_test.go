package vietqr

import (
	"strings"
	"testing"
)

// TestCRC16 checks the CRC against its catalogued check value (the CRC of
// "123456789" is 0x29B1 for CRC-16/CCITT-FALSE) and against the example
// payload of EMVCo's MPM specification (Appendix A), whose CRC is A13A.
func TestCRC16(t *testing.T) {
	if got := CRC16([]byte("123456789")); got != 0x29B1 {
		t.Errorf("CRC of 123456789 = %04X, want 29B1", got)
	}
	emvco := "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT" +
		"6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A01122334499887" +
		"70708123456786304A13A"
	if got := Seal(strings.TrimSuffix(emvco, "6304A13A")); got != emvco {
		t.Errorf("the EMVCo example sealed %q, want ...A13A", got[len(got)-8:])
	}
}

// TestPayload builds a transfer's payload and reads it back data object by
// data object.
func TestPayload(t *testing.T) {
	p, err := Transfer{BIN: "970415", Account: "113366668888", Amount: 200000, Reference: "SCT31-261207-0001"}.Payload()
	if err != nil {
		t.Fatal(err)
	}
	want := "000201" + "010212" + "3856" + "0010A000000727" + "0126" + "0006970415" + "0112113366668888" + "0208QRIBFTTA" +
		"5303704" + "5406200000" + "5802VN" + "6221" + "0817SCT31-261207-0001" + "6304"
	if !strings.HasPrefix(p, want) || len(p) != len(want)+4 {
		t.Fatalf("payload\n%s\nwant\n%s....", p, want)
	}
	if Seal(p[:len(p)-8]) != p {
		t.Error("the CRC does not seal the payload")
	}
	static, _ := Transfer{BIN: "970415", Account: "113366668888"}.Payload()
	if !strings.HasPrefix(static, "000201010211") || strings.Contains(static, "5406") {
		t.Errorf("a transfer without an amount is a static code: %s", static)
	}
	for _, bad := range []Transfer{{BIN: "97041", Account: "1"}, {BIN: "970415", Account: ""}, {BIN: "970415", Account: "12-34"},
		{BIN: "970415", Account: "1", Amount: -1}, {BIN: "970415", Account: "1", Reference: strings.Repeat("x", 26)}} {
		if _, err := bad.Payload(); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

module heapcli/testdata/programs

go 1.19

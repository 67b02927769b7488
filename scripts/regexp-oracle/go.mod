module regexporacle

go 1.19

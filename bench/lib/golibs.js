// Hand-written call chains through real Go std/third-party packages, so the
// generated stacks look like a real server's: goroutine entry points near the
// root, and library allocation helpers (shared by many callers) near the leaf.
//
// Chain syntax: "a@file > b@file > c": each function calls the next. A name
// may appear in several chains (same node, more callees), which is how
// recursion such as json value->object->value arises. "@file" is needed only
// the first time a name appears; a file with a '/' is relative to GOROOT/src
// or the module root. A trailing '*' marks a function that allocates itself;
// the last function of a chain always does. '^' marks a goroutine entry
// (called from runtime.goexit); '@app' means "calls application code".

export const ENTRY_CHAINS = [
  '^runtime.main@proc.go > main.main@/src/svc/cmd/leakyserver/main.go > @app',
  '^net/http.(*conn).serve@server.go > net/http.serverHandler.ServeHTTP@server.go > net/http.(*ServeMux).ServeHTTP@server.go > net/http.HandlerFunc.ServeHTTP@server.go > @app',
  'net/http.serverHandler.ServeHTTP > github.com/go-chi/chi/v5.(*Mux).ServeHTTP@mux.go > github.com/go-chi/chi/v5.(*Mux).routeHTTP@mux.go > net/http.HandlerFunc.ServeHTTP',
  'net/http.HandlerFunc.ServeHTTP > github.com/acme/svc/internal/middleware.Logger.func1@/src/svc/internal/middleware/logger.go > net/http.HandlerFunc.ServeHTTP',
  'net/http.HandlerFunc.ServeHTTP > github.com/acme/svc/internal/middleware.Recoverer.func1@/src/svc/internal/middleware/recover.go > net/http.HandlerFunc.ServeHTTP',
  'net/http.HandlerFunc.ServeHTTP > github.com/acme/svc/internal/middleware.Auth.func1@/src/svc/internal/middleware/auth.go > net/http.HandlerFunc.ServeHTTP',
  'net/http.(*conn).serve > net/http.(*conn).readRequest@server.go > net/http.readRequest@request.go > net/textproto.(*Reader).ReadMIMEHeader@reader.go > net/textproto.readMIMEHeader@reader.go',
  'net/http.(*conn).serve > bufio.NewReaderSize@bufio.go',
  '^google.golang.org/grpc.(*Server).serveStreams.func1.2@server.go > google.golang.org/grpc.(*Server).handleStream@server.go > google.golang.org/grpc.(*Server).processUnaryRPC@server.go > github.com/acme/svc/api/storev1._Store_Get_Handler@/src/svc/api/storev1/store_grpc.pb.go > github.com/acme/svc/internal/grpcmw.UnaryServerInterceptor.func1@/src/svc/internal/grpcmw/interceptor.go > github.com/acme/svc/api/storev1._Store_Get_Handler.func1@/src/svc/api/storev1/store_grpc.pb.go > @app',
  'google.golang.org/grpc.(*Server).processUnaryRPC > github.com/acme/svc/api/storev1._Store_Put_Handler@/src/svc/api/storev1/store_grpc.pb.go > @app',
  'google.golang.org/grpc.(*Server).processUnaryRPC > google.golang.org/grpc.(*Server).processUnaryRPC.func2@server.go > google.golang.org/grpc/encoding/proto.codec.Unmarshal@proto.go > google.golang.org/protobuf/proto.UnmarshalOptions.unmarshal@decode.go',
  '^google.golang.org/grpc/internal/transport.(*http2Server).HandleStreams@http2_server.go > google.golang.org/grpc/internal/transport.(*http2Server).operateHeaders@http2_server.go',
  'google.golang.org/grpc/internal/transport.(*http2Server).HandleStreams > golang.org/x/net/http2.(*Framer).ReadFrame@frame.go > golang.org/x/net/http2.(*Framer).readMetaFrame@frame.go > golang.org/x/net/http2/hpack.(*Decoder).Write@hpack.go > golang.org/x/net/http2/hpack.(*Decoder).parseHeaderFieldRepr@hpack.go',
  '^google.golang.org/grpc/internal/transport.newHTTP2Server.func2@http2_server.go > google.golang.org/grpc/internal/transport.(*loopyWriter).run@controlbuf.go > google.golang.org/grpc/internal/transport.(*loopyWriter).processData@controlbuf.go',
  '^github.com/prometheus/client_golang/prometheus.(*Registry).Gather.func1@registry.go > github.com/prometheus/client_golang/prometheus.processMetric@registry.go',
  '^time.goFunc@sleep.go > @app',
];

export const LIBRARY_CHAINS = [
  'bytes.(*Buffer).WriteString@buffer.go > bytes.(*Buffer).grow@buffer.go > bytes.growSlice@buffer.go',
  'bytes.(*Buffer).Write@buffer.go > bytes.(*Buffer).grow',
  'bytes.(*Buffer).ReadFrom@buffer.go > bytes.(*Buffer).grow',
  'bytes.Join@bytes.go',
  'bytes.Repeat@bytes.go',
  'strings.(*Builder).WriteString@builder.go > strings.(*Builder).grow@builder.go',
  'strings.(*Builder).WriteByte@builder.go',
  'strings.ToLower@strings.go > strings.(*Builder).Grow@builder.go > strings.(*Builder).grow',
  'strings.Join@strings.go > strings.(*Builder).Grow',
  'strings.Split@strings.go > strings.genSplit@strings.go',
  'strings.Fields@strings.go',
  'strings.Replace@strings.go',
  'fmt.Sprintf*@print.go > fmt.newPrinter@print.go > sync.(*Pool).Get@pool.go > fmt.glob..func1@print.go',
  'fmt.Errorf*@errors.go > fmt.newPrinter',
  'strconv.Itoa@itoa.go > strconv.FormatInt@itoa.go > strconv.formatBits@itoa.go',
  'strconv.Quote@quote.go > strconv.quoteWith@quote.go',
  'encoding/json.Marshal*@encode.go > encoding/json.(*encodeState).marshal@encode.go > encoding/json.(*encodeState).reflectValue@encode.go > encoding/json.structEncoder.encode@encode.go > encoding/json.mapEncoder.encode@encode.go',
  'encoding/json.structEncoder.encode > encoding/json.ptrEncoder.encode@encode.go > encoding/json.structEncoder.encode',
  'encoding/json.structEncoder.encode > encoding/json.sliceEncoder.encode@encode.go > encoding/json.arrayEncoder.encode@encode.go > encoding/json.ptrEncoder.encode',
  'encoding/json.(*encodeState).marshal > encoding/json.newEncodeState@encode.go',
  'encoding/json.Unmarshal@decode.go > encoding/json.(*decodeState).unmarshal@decode.go > encoding/json.(*decodeState).value@decode.go > encoding/json.(*decodeState).object*@decode.go > encoding/json.(*decodeState).literalStore@decode.go',
  'encoding/json.(*decodeState).object > encoding/json.(*decodeState).value > encoding/json.(*decodeState).array*@decode.go > encoding/json.(*decodeState).value',
  'encoding/json.(*decodeState).object > reflect.New@value.go > reflect.unsafe_New@runtime/malloc.go',
  'encoding/json.(*decodeState).object > reflect.Value.SetMapIndex@value.go > reflect.mapassign@runtime/map.go',
  'encoding/json.(*Decoder).Decode@stream.go > encoding/json.(*Decoder).readValue@stream.go > encoding/json.(*Decoder).refill@stream.go',
  'encoding/json.(*Decoder).Decode > encoding/json.(*decodeState).unmarshal',
  'bufio.NewWriterSize@bufio.go',
  'bufio.(*Reader).ReadString@bufio.go > bufio.(*Reader).collectFragments@bufio.go',
  'bufio.(*Scanner).Scan@scan.go',
  'io.ReadAll@io.go',
  'io.Copy@io.go > io.copyBuffer@io.go',
  'compress/gzip.(*Writer).Write@gzip.go > compress/flate.NewWriter@deflate.go > compress/flate.(*compressor).init*@deflate.go > compress/flate.newHuffmanBitWriter@huffman_bit_writer.go',
  'compress/gzip.NewReader@gunzip.go > compress/gzip.(*Reader).Reset@gunzip.go > compress/gzip.(*Reader).readHeader@gunzip.go > compress/flate.NewReader@inflate.go',
  'encoding/base64.(*Encoding).EncodeToString@base64.go',
  'encoding/hex.EncodeToString@hex.go',
  'context.WithCancel@context.go > context.propagateCancel@context.go',
  'context.WithCancel > context.newCancelCtx@context.go',
  'context.WithValue@context.go',
  'context.WithTimeout@context.go > context.WithDeadline*@context.go > time.AfterFunc@sleep.go',
  'sort.Slice@slice.go > internal/reflectlite.Swapper@swapper.go',
  'regexp.(*Regexp).FindAllString*@regexp.go > regexp.(*Regexp).allMatches@regexp.go > regexp.(*Regexp).doExecute@exec.go > regexp.(*Regexp).backtrack@backtrack.go > regexp.newBitState@backtrack.go',
  'regexp.MustCompile@regexp.go > regexp.Compile@regexp.go > regexp.compile*@regexp.go > regexp/syntax.Compile@compile.go > regexp/syntax.(*compiler).inst@compile.go',
  'reflect.MakeSlice@value.go > reflect.unsafe_NewArray@runtime/malloc.go',
  'reflect.Value.Interface@value.go > reflect.valueInterface@value.go > reflect.packEface@value.go > reflect.unsafe_New',
  'math/big.(*Int).Mul@int.go > math/big.nat.mul@nat.go > math/big.nat.make@nat.go',
  'crypto/tls.(*Conn).Write@conn.go > crypto/tls.(*Conn).writeRecordLocked@conn.go > crypto/tls.sliceForAppend@conn.go',
  'crypto/tls.(*Conn).Read@conn.go > crypto/tls.(*Conn).readRecordOrCCS@conn.go > crypto/tls.(*Conn).readFromUntil@conn.go > bytes.(*Buffer).ReadFrom',
  'net/http.(*Client).Do@client.go > net/http.(*Client).do@client.go > net/http.(*Client).send@client.go > net/http.send@client.go > net/http.(*Transport).RoundTrip@roundtrip.go > net/http.(*Transport).roundTrip@transport.go > net/http.(*Transport).getConn@transport.go > net/http.(*Transport).queueForIdleConn@transport.go',
  'net/http.(*Transport).roundTrip > net/http.(*persistConn).roundTrip@transport.go',
  'net/http.NewRequestWithContext*@request.go > net/url.Parse@url.go > net/url.parse@url.go',
  'net/http.(*response).WriteHeader@server.go > net/http.Header.Clone@header.go',
  'google.golang.org/protobuf/proto.Marshal@encode.go > google.golang.org/protobuf/proto.MarshalOptions.marshal*@encode.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).marshal@encode.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).marshalAppendPointer*@encode.go > google.golang.org/protobuf/internal/impl.appendMessageSliceInfo@codec_field.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).marshalAppendPointer',
  'google.golang.org/protobuf/proto.Unmarshal@decode.go > google.golang.org/protobuf/proto.UnmarshalOptions.unmarshal > google.golang.org/protobuf/internal/impl.(*MessageInfo).unmarshal@decode.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).unmarshalPointer@decode.go > google.golang.org/protobuf/internal/impl.consumeBytes@codec_gen.go',
  'google.golang.org/protobuf/internal/impl.(*MessageInfo).unmarshalPointer > google.golang.org/protobuf/internal/impl.consumeStringValidateUTF8@codec_gen.go',
  'google.golang.org/protobuf/internal/impl.(*MessageInfo).unmarshalPointer > google.golang.org/protobuf/internal/impl.consumeMessageSliceInfo*@codec_field.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).unmarshalPointer',
  'google.golang.org/protobuf/proto.Clone@merge.go > google.golang.org/protobuf/proto.mergeOptions.mergeMessage@merge.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).merge@merge.go > google.golang.org/protobuf/internal/impl.(*MessageInfo).mergePointer@merge.go > google.golang.org/protobuf/internal/impl.mergeBytes@merge_gen.go',
  'go.uber.org/zap.(*Logger).Info@logger.go > go.uber.org/zap/zapcore.(*CheckedEntry).Write@entry.go > go.uber.org/zap/zapcore.(*ioCore).Write@core.go > go.uber.org/zap/zapcore.(*jsonEncoder).EncodeEntry@json_encoder.go > go.uber.org/zap/zapcore.(*jsonEncoder).clone@json_encoder.go',
  'go.uber.org/zap.(*Logger).With@logger.go > go.uber.org/zap/zapcore.(*ioCore).With@core.go > go.uber.org/zap/zapcore.(*jsonEncoder).Clone@json_encoder.go > go.uber.org/zap/zapcore.(*jsonEncoder).clone',
  'go.uber.org/zap.(*Logger).With > go.uber.org/zap.(*Logger).clone@logger.go',
  'github.com/prometheus/client_golang/prometheus.(*CounterVec).WithLabelValues@counter.go > github.com/prometheus/client_golang/prometheus.(*CounterVec).GetMetricWithLabelValues@counter.go > github.com/prometheus/client_golang/prometheus.(*MetricVec).GetMetricWithLabelValues@vec.go > github.com/prometheus/client_golang/prometheus.(*metricMap).getOrCreateMetricWithLabelValues@vec.go',
  'os.ReadFile@file.go',
  'path/filepath.Join@path.go > path/filepath.join@path_unix.go > strings.Join',
  'errors.New@errors.go',
  'time.NewTimer@sleep.go',
  'crypto/sha256.New@sha256.go',
  'database/sql.(*DB).QueryContext@sql.go > database/sql.(*DB).query@sql.go > database/sql.(*DB).queryDC@sql.go',
  'database/sql.(*Rows).Next@sql.go > database/sql.(*Rows).nextLocked@sql.go > github.com/lib/pq.(*rows).Next@conn.go',
  'database/sql.(*Rows).Scan@sql.go > database/sql.convertAssignRows@convert.go',
];

// Stacks made only of runtime frames (leaf first): the runtime keeps these
// when a stack has no user frame at all, so real profiles carry a few.
export const RUNTIME_STACKS = [
  ['runtime.malg@proc.go', 'runtime.newproc1@proc.go', 'runtime.newproc.func1@proc.go', 'runtime.systemstack@asm_amd64.s'],
  [
    'runtime.allocm@proc.go',
    'runtime.newm@proc.go',
    'runtime.startm@proc.go',
    'runtime.wakep@proc.go',
    'runtime.resetspinning@proc.go',
    'runtime.schedule@proc.go',
    'runtime.park_m@proc.go',
    'runtime.mcall@asm_amd64.s',
  ],
  ['runtime.procresize@proc.go', 'runtime.schedinit@proc.go', 'runtime.rt0_go@asm_amd64.s'],
];

// Where a module's sources live in a typical GOPATH module cache.
const MODULES = {
  'github.com/go-chi/chi/v5': 'v5.0.10',
  'google.golang.org/grpc': 'v1.57.0',
  'google.golang.org/protobuf': 'v1.31.0',
  'go.uber.org/zap': 'v1.25.0',
  'github.com/prometheus/client_golang': 'v1.16.0',
  'golang.org/x/net': 'v0.14.0',
  'github.com/lib/pq': 'v1.10.9',
};

/** Package path of a Go symbol: everything before the first '.' after the last '/'. */
export function packageOf(name) {
  const slash = name.lastIndexOf('/');
  const cut = name.indexOf('.', slash + 1);
  return name.slice(0, cut);
}

/** Absolute source path for `file` written next to symbol `name` in the chains above. */
export function libraryFile(name, file) {
  if (file.startsWith('/')) return file;
  const pkg = packageOf(name);
  const mod = Object.keys(MODULES).find((m) => pkg === m || pkg.startsWith(m + '/'));
  if (!mod) return `/usr/local/go/src/${file.includes('/') ? file : `${pkg}/${file}`}`;
  const root = `/root/go/pkg/mod/${mod}@${MODULES[mod]}`;
  return file.includes('/') ? `${root}/${file}` : `${root}${pkg.slice(mod.length)}/${file}`;
}

/** Splits a chain into steps {name, file|null, alloc, entry} or the '@app' marker. */
export function parseChain(chain) {
  return chain.split(' > ').map((raw) => {
    const s = raw.trim();
    if (s === '@app') return { app: true };
    const entry = s.startsWith('^');
    const body = entry ? s.slice(1) : s;
    const at = body.indexOf('@');
    let name = at < 0 ? body : body.slice(0, at);
    const file = at < 0 ? null : body.slice(at + 1);
    const alloc = name.endsWith('*');
    if (alloc) name = name.slice(0, -1);
    return { name, file, alloc, entry };
  });
}

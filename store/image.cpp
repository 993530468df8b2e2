#include "store/image.h"

#include <cmath>
#include <cstring>

#include "common/error.h"

namespace relgraph::store {
namespace {

constexpr char kMagic[8] = {'R', 'G', 'T', 'O', 'P', 'O', '0', '1'};
constexpr uint32_t kByteOrderMark = 0x01020304;

template <typename T>
void Put(std::string& out, const T* values, size_t count) {
  if (count > 0) out.append(reinterpret_cast<const char*>(values), count * sizeof(T));  // empty vectors' data() may be null
}
void PutU32(std::string& out, uint32_t value) { Put(out, &value, 1); }

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  void Get(T* values, size_t count) {
    if (count > (bytes_.size() - at_) / sizeof(T)) Fail("it ends early");
    if (count == 0) return;  // values may be the null data() of an empty vector
    std::memcpy(values, bytes_.data() + at_, count * sizeof(T));
    at_ += count * sizeof(T);
  }
  uint32_t U32() {
    uint32_t value;
    Get(&value, 1);
    return value;
  }
  std::string_view Bytes(size_t count) {
    if (count > bytes_.size() - at_) Fail("it ends early");
    std::string_view view = bytes_.substr(at_, count);
    at_ += count;
    return view;
  }
  void Align8() { at_ = std::min(bytes_.size(), (at_ + 7) & ~size_t{7}); }
  bool AtEnd() const { return at_ == bytes_.size(); }
  [[noreturn]] static void Fail(const std::string& why) { throw Error(ErrorKind::kStorage, "damaged graph image: " + why); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace

std::string EncodeImage(const Topology& topology, const Schema& schema) {
  const auto& types = schema.relation_types();
  size_t n = topology.entity_ids.size(), m = topology.relation_count();
  std::string out;
  size_t id_bytes = 0;
  for (const std::string& id : topology.entity_ids) id_bytes += id.size();
  out.reserve(64 + 4 * (n + 1) + id_bytes + m * 17 + 8);
  out.append(kMagic, sizeof kMagic);
  PutU32(out, kByteOrderMark);
  PutU32(out, static_cast<uint32_t>(n));
  PutU32(out, static_cast<uint32_t>(m));
  PutU32(out, static_cast<uint32_t>(types.size()));
  for (const RelationType& type : types) {
    PutU32(out, static_cast<uint32_t>(type.name.size()));
    out += type.name;
  }
  uint32_t offset = 0;
  PutU32(out, offset);
  for (const std::string& id : topology.entity_ids) PutU32(out, offset += static_cast<uint32_t>(id.size()));
  for (const std::string& id : topology.entity_ids) out += id;
  Put(out, topology.source.data(), m);
  Put(out, topology.target.data(), m);
  Put(out, topology.type.data(), m);
  out.resize((out.size() + 7) & ~size_t{7}, '\0');
  Put(out, topology.weight.data(), m);
  return out;
}

Topology DecodeImage(std::string_view bytes, const Schema& schema) {
  Reader in(bytes);
  if (in.Bytes(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) Reader::Fail("unknown format");
  if (in.U32() != kByteOrderMark) Reader::Fail("written on a machine of another byte order");
  uint32_t n = in.U32(), m = in.U32(), type_count = in.U32();
  if (type_count > 255) Reader::Fail("too many relation types");
  // The image's codes, mapped to positions in the reader's schema.
  std::vector<uint8_t> code_map(type_count);
  const auto& types = schema.relation_types();
  for (uint32_t t = 0; t < type_count; ++t) {
    std::string_view name = in.Bytes(in.U32());
    size_t position = 0;
    while (position < types.size() && types[position].name != name) ++position;
    if (position == types.size()) Reader::Fail("relation type '" + std::string(name) + "' is not in the store's vocabulary");
    code_map[t] = static_cast<uint8_t>(position);
  }
  Topology topology;
  if (n > bytes.size() / 4 || m > bytes.size() / 17) Reader::Fail("its counts exceed its size");
  std::vector<uint32_t> offsets(size_t{n} + 1);
  in.Get(offsets.data(), offsets.size());
  if (offsets[0] != 0) Reader::Fail("bad id offsets");
  std::string_view ids = in.Bytes(offsets[n]);
  topology.entity_ids.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (offsets[i + 1] < offsets[i]) Reader::Fail("bad id offsets");
    topology.entity_ids.emplace_back(ids.substr(offsets[i], offsets[i + 1] - offsets[i]));
    if (i > 0 && !(topology.entity_ids[i - 1] < topology.entity_ids[i])) Reader::Fail("entity ids out of order");
  }
  topology.source.resize(m);
  topology.target.resize(m);
  topology.type.resize(m);
  topology.weight.resize(m);
  in.Get(topology.source.data(), m);
  in.Get(topology.target.data(), m);
  in.Get(topology.type.data(), m);
  in.Align8();
  in.Get(topology.weight.data(), m);
  if (!in.AtEnd()) Reader::Fail("trailing bytes");
  for (uint32_t r = 0; r < m; ++r) {
    if (topology.source[r] >= n || topology.target[r] >= n) Reader::Fail("a relation names an entity out of range");
    if (topology.type[r] >= type_count) Reader::Fail("a relation has an unknown type code");
    topology.type[r] = code_map[topology.type[r]];
    if (!(topology.weight[r] > 0) || !std::isfinite(topology.weight[r])) Reader::Fail("a relation weight is not > 0");
  }
  return topology;
}

}  // namespace relgraph::store

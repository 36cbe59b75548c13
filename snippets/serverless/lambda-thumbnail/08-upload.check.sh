# The thumbnail is the function's work: a JPEG that fits in 128 x 128 and keeps the 4:3 shape.
aws s3 cp "s3://$BUCKET-resized/thumbnail-HappyFace.jpg" thumbnail.jpg --no-progress > /dev/null
[[ $(aws s3api head-object --bucket "$BUCKET-resized" --key thumbnail-HappyFace.jpg \
  --query ContentType --output text) == image/jpeg ]]
python3 - <<'PY'
import struct
data = open("thumbnail.jpg", "rb").read()
assert data[:2] == b"\xff\xd8", "not a JPEG"
i = 2
while data[i + 1] not in (0xC0, 0xC2):  # walk the JPEG segments to the frame header
    i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
height, width = struct.unpack(">HH", data[i + 5:i + 9])
assert (width, height) == (128, 96), (width, height)
PY
rm thumbnail.jpg

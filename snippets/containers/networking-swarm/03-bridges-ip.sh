ip link show type bridge

const { Server } = require("socket.io");

const io = new Server(3000, { maxHttpBufferSize: 1e6 });

io.on("connection", (socket) => {
  socket.on("chat:message", (message) => {
    io.emit("chat:message", message);
  });
});
